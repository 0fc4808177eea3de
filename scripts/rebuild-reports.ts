import { parseArgs } from 'node:util'

/**
 * Recounts the monthly report cells from the appeals and compares them with the stored ones.
 *   npm run rebuild-reports              check only: exits 1 if any cell differs
 *   npm run rebuild-reports -- --apply   rewrite the cells that differ
 * Reads TABLE_NAME and DYNAMODB_ENDPOINT like the functions (defaults: the `npm start` table).
 */
async function main() {
  const { values } = parseArgs({ options: { apply: { type: 'boolean', default: false } } })
  process.env.TABLE_NAME ??= 'qinshang-direct-local'
  process.env.DYNAMODB_ENDPOINT ??= 'http://127.0.0.1:8000'
  // The functions' configuration asks for a token secret, which the rebuild never uses.
  process.env.TOKEN_SECRET ??= 'local-only-secret-qinshang-direct-0123456789'
  const { rebuildReports } = await import('../functions/reports/rebuild.use-case')
  const started = Date.now()
  const result = await rebuildReports({ apply: values.apply ?? false })
  console.log(`诉求 ${result.appeals} 件，月份 ${result.months[0] ?? '—'} 至 ${result.months.at(-1) ?? '—'}，统计单元 ${result.cells} 个，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  for (const d of result.differences.slice(0, 20)) console.log(`  不一致 ${d.month} ${d.scope}: ${JSON.stringify(d.counters)}`)
  if (result.differences.length > 20) console.log(`  …共 ${result.differences.length} 个单元不一致`)
  if (values.apply) console.log(`已重写 ${result.rewritten} 个统计单元`)
  else if (result.differences.length > 0) process.exitCode = 1
  else console.log('统计与诉求逐项一致')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
