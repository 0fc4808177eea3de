import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi'
import * as z from 'zod'
import { errorBodySchema } from '@shared/schemas/common.schema'
import { figureImportRequestSchema, figureImportResultSchema } from '@shared/schemas/upgrade-import.schema'
import {
  figureInputSchema,
  thresholdEditSchema,
  thresholdListSchema,
  upgradeActionSchema,
  upgradeBoardQuerySchema,
  upgradeBoardSchema,
  upgradeDetailSchema,
  upgradeListQuerySchema,
  upgradeListSchema,
  upgradePathSchema,
} from '@shared/schemas/upgrade.schema'

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } })
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } })
const secured = { security: [{ bearer: [] }] }
const errors = {
  400: json(errorBodySchema, '参数有误（逐字段说明）'),
  401: json(errorBodySchema, '未登录'),
}

/** 升规入统: thresholds, an enterprise's figures and stages, the specialist's list and the boards. */
export function registerUpgradePaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/upgrade/thresholds',
    summary: 'The thresholds of the statistics per sector line, each with its source (万元)',
    ...secured,
    responses: { 200: json(thresholdListSchema, '规上门槛'), 401: errors[401] },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/upgrade/thresholds',
    summary: "Change one sector line's threshold, naming its source (city admin)",
    ...secured,
    request: body(thresholdEditSchema),
    responses: { 200: json(thresholdListSchema, '修改后的门槛'), ...errors, 403: json(errorBodySchema, '只有市级管理员可以修改'), 409: json(errorBodySchema, '刚被他人修改') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/upgrade/enterprises',
    summary: "The upgrade list: a specialist's near-scale enterprises (an admin's area), nearest to the threshold first, with what is missing",
    ...secured,
    request: { query: upgradeListQuerySchema },
    responses: { 200: json(upgradeListSchema, '升规培育清单'), ...errors, 403: json(errorBodySchema, '无权查看'), 404: json(errorBodySchema, '他人的清单') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/upgrade/enterprises/{id}',
    summary: "An enterprise's upgrade file: figures with their history, the projection explained, the stage and its timeline",
    ...secured,
    request: { params: upgradePathSchema },
    responses: { 200: json(upgradeDetailSchema, '升规档案'), ...errors, 404: json(errorBodySchema, '企业不存在或无权查看') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/upgrade/enterprises/{id}/figures',
    summary: "Enter or correct one month's figures (a correction keeps the replaced values)",
    ...secured,
    request: { params: upgradePathSchema, ...body(figureInputSchema) },
    responses: { 200: json(upgradeDetailSchema, '更新后的升规档案'), ...errors, 403: json(errorBodySchema, '不能填报'), 404: json(errorBodySchema, '企业不存在或无权查看'), 409: json(errorBodySchema, '刚被他人更新') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/upgrade/enterprises/{id}/actions',
    summary: 'Move the stage (apply, enter, return, leave, resume) or change the sector line',
    ...secured,
    request: { params: upgradePathSchema, ...body(upgradeActionSchema) },
    responses: {
      200: json(upgradeDetailSchema, '更新后的升规档案'),
      ...errors,
      403: json(errorBodySchema, '只有服务该企业的专员或管理员可以变更'),
      404: json(errorBodySchema, '企业不存在或无权查看'),
      409: json(errorBodySchema, '当前阶段不能这样变动（INVALID_TRANSITION）或刚被他人更新（VERSION_CONFLICT）'),
    },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/upgrade/board',
    summary: "The pipeline board of an area (area admin; city admin with areaId) or of the city",
    ...secured,
    request: { query: upgradeBoardQuerySchema },
    responses: { 200: json(upgradeBoardSchema, '升规看板'), ...errors, 403: json(errorBodySchema, '无权查看'), 404: json(errorBodySchema, '属地不存在') },
  })
  registry.registerPath({
    method: 'post',
    path: '/api/upgrade/figures/import',
    summary: "Preview (dryRun) or import a park's monthly figures from XLSX (base64): per row create, update, unchanged or invalid with the reason",
    ...secured,
    request: body(figureImportRequestSchema),
    responses: { 200: json(figureImportResultSchema, '逐行结果'), ...errors, 403: json(errorBodySchema, '只有属地或市级管理员可以导入') },
  })
  registry.registerPath({
    method: 'get',
    path: '/api/upgrade/figures/template',
    summary: 'The XLSX template of monthly figures (public)',
    request: { query: z.object({ format: z.enum(['xlsx']).optional() }) },
    responses: { 200: { description: '模板文件', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } }, 400: errors[400] },
  })
}
