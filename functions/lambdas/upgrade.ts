/** One Lambda: 升规入统: thresholds, figures, stages, lists and the board. */
import { handler as listUpgradeThresholds } from '../upgrade/list-thresholds'
import { handler as editUpgradeThreshold } from '../upgrade/edit-threshold'
import { handler as listUpgrade } from '../upgrade/list-upgrade'
import { handler as getUpgrade } from '../upgrade/get-upgrade'
import { handler as enterUpgradeFigure } from '../upgrade/enter-figure'
import { handler as actOnUpgrade } from '../upgrade/act-on-upgrade'
import { handler as upgradeBoard } from '../upgrade/get-board'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/upgrade/thresholds': listUpgradeThresholds,
  'POST /api/upgrade/thresholds': editUpgradeThreshold,
  'GET /api/upgrade/enterprises': listUpgrade,
  'GET /api/upgrade/enterprises/{id}': getUpgrade,
  'POST /api/upgrade/enterprises/{id}/figures': enterUpgradeFigure,
  'POST /api/upgrade/enterprises/{id}/actions': actOnUpgrade,
  'GET /api/upgrade/board': upgradeBoard,
})
