import * as z from 'zod'

/** The largest policies file accepted (bytes). */
export const POLICY_FILE_MAX_BYTES = 4 * 1024 * 1024

/** An admin's XLSX of policies (政策批量导入): previewed (dryRun) or imported as drafts. */
export const policyImportRequestSchema = z
  .object({
    fileName: z
      .string({ message: '请选择政策文件' })
      .trim()
      .max(200, '文件名过长')
      .regex(/\.xlsx$/i, '只支持 .xlsx 文件'),
    contentBase64: z
      .string({ message: '请选择政策文件' })
      .min(1, '文件是空的')
      .max(Math.ceil((POLICY_FILE_MAX_BYTES * 4) / 3) + 4, '文件不能超过 4 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容编码不正确'),
    dryRun: z.boolean({ message: '请说明是预览还是导入' }),
  })
  .strict()
  .meta({ id: 'PolicyImportRequest' })
export type PolicyImportRequest = z.infer<typeof policyImportRequestSchema>

export const policyImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    /** Whether the drafts were written. */
    applied: z.boolean(),
    summary: z.object({ create: z.number().int(), duplicate: z.number().int(), invalid: z.number().int() }),
    rows: z.array(
      z.object({
        row: z.number().int(),
        title: z.string(),
        action: z.enum(['create', 'duplicate', 'invalid']).meta({ description: 'create: a new draft; duplicate: the kit has a policy of this title already (left alone); invalid: see errors' }),
        errors: z.array(z.object({ field: z.string(), message: z.string() })),
        policyId: z.string().optional().meta({ description: 'The draft written (imports only)' }),
      }),
    ),
    fileProblems: z.array(z.string()),
  })
  .meta({ id: 'PolicyImportResult' })
export type PolicyImportResult = z.infer<typeof policyImportResultSchema>
