/*
 * The permissions of Qinshang Direct, in one place (DESIGN §3): every question "may this person
 * see or do this to that object" is a named, pure predicate here, over a `Subject` that both the
 * server's Actor and the mini-program's session user supply. The server calls them to decide
 * (404 for what one may not see, 403 for what one may not do); the mini-program calls the same
 * ones to decide what to show. No role is compared anywhere else (scripts/lib/architecture.ts
 * counts, tests/unit/architecture.test.ts holds the line, tests/support/permission-table.ts lists
 * every answer).
 */
export * from './subject'
export * from './appeals'
export * from './attachments'
export * from './co-handling'
export * from './enterprises'
export * from './bindings'
export * from './specialists'
export * from './invitations'
export * from './cards'
export * from './calendar'
export * from './reports'
export * from './exports'
export * from './supervision'
export * from './notifications'
export * from './privacy'
export * from './ledger'
export * from './visits'
export * from './exchange-events'
export * from './visit-rounds'
export * from './return-visits'
export * from './upgrade'
export * from './policy-pack'
export * from './kit-delivery'
export * from './common-problems'
