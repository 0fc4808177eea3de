import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda'
import { NotFoundError } from '@shared/errors'
import { httpHandler } from './http'

type RouteHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>

/**
 * One Lambda serves the routes of one part of the product. A CloudFormation stack holds at most
 * 500 resources and every function costs five (function, log group, version, permission,
 * integration), so a function per route would not fit; a route costs one.
 *
 * The HTTP API names the route it matched in `routeKey` ("POST /api/visits/{id}"), so choosing
 * the handler is a lookup: no path matching of our own, and path parameters arrive parsed. The
 * table's keys must be exactly the function's events in sls/*.yml (tests/unit/lambda-routes.test.ts).
 */
export function routeTable(routes: Record<string, RouteHandler>) {
  const unknownRoute = httpHandler(async () => {
    throw new NotFoundError('接口不存在')
  })
  const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> =>
    (routes[event.routeKey] ?? unknownRoute)(event)
  return Object.assign(handler, { routeKeys: Object.keys(routes) })
}
