// The kit's lists moved to functions/services/kit-lists.ts (the upgrade list reads them too).
export { kitLists, type KitLists } from '../services/kit-lists'
