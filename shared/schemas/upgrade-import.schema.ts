import * as z from 'zod'

/** The largest figures file accepted (bytes). */
export const FIGURE_FILE_MAX_BYTES = 4 * 1024 * 1024

/** An admin's XLSX of monthly figures for a park: previewed (dryRun) or imported. */
export const figureImportRequestSchema = z
  .object({
    fileName: z
      .string({ message: '请选择数据文件' })
      .trim()
      .max(200, '文件名过长')
      .regex(/\.xlsx$/i, '只支持 .xlsx 文件'),
    contentBase64: z
      .string({ message: '请选择数据文件' })
      .min(1, '文件是空的')
      .max(Math.ceil((FIGURE_FILE_MAX_BYTES * 4) / 3) + 4, '文件不能超过 4 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容编码不正确'),
    dryRun: z.boolean({ message: '请说明是预览还是导入' }),
  })
  .strict()
  .meta({ id: 'UpgradeFigureImportRequest' })
export type FigureImportRequest = z.infer<typeof figureImportRequestSchema>

export const figureImportRowSchema = z.object({
  row: z.number().int(),
  enterpriseId: z.string().optional(),
  enterpriseName: z.string().optional(),
  month: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'invalid']),
  changes: z.array(z.string()),
  errors: z.array(z.object({ field: z.enum(['enterprise', 'month', 'revenueYtd', 'lastYearRevenue', 'employees']), message: z.string() })),
})

export const figureImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    /** Whether the valid rows were written. */
    applied: z.boolean(),
    summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
    rows: z.array(figureImportRowSchema),
    /** Warnings about the file as a whole, in Chinese. */
    fileProblems: z.array(z.string()),
  })
  .meta({ id: 'UpgradeFigureImportResult' })
export type FigureImportResult = z.infer<typeof figureImportResultSchema>
