/** One Lambda: Uploads, attachment links and WeChat's message push. */
import { handler as createUpload } from '../attachments/create-upload'
import { handler as getAttachmentLink } from '../attachments/attachment-link'
import { handler as wechatEvents } from '../attachments/wechat-events'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/attachments/uploads': createUpload,
  'GET /api/appeals/{id}/attachments/{attachmentId}': getAttachmentLink,
  'GET /api/wechat/events': wechatEvents,
  'POST /api/wechat/events': wechatEvents,
})
