import {
  thresholdListSchema,
  upgradeBoardSchema,
  upgradeDetailSchema,
  upgradeListSchema,
  type FigureInput,
  type Threshold,
  type ThresholdEdit,
  type UpgradeAction,
  type UpgradeBoard,
  type UpgradeDetail,
} from '@shared/schemas/upgrade.schema'
import { figureImportResultSchema, type FigureImportRequest, type FigureImportResult } from '@shared/schemas/upgrade-import.schema'
import type * as z from 'zod'
import { API_BASE } from '../settings'
import { parseResponse, request } from './request'

/** 升规入统 endpoints, one typed function each; only the upgrade subpackage and 我的 use them. */

export async function fetchUpgradeList(query: { areaId?: string; specialistId?: string } = {}): Promise<z.infer<typeof upgradeListSchema>> {
  return parseResponse(upgradeListSchema, await request('/api/upgrade/enterprises', { query }))
}

export async function fetchUpgradeFile(enterpriseId: string): Promise<UpgradeDetail> {
  return parseResponse(upgradeDetailSchema, await request(`/api/upgrade/enterprises/${encodeURIComponent(enterpriseId)}`))
}

export async function submitFigure(enterpriseId: string, body: FigureInput): Promise<UpgradeDetail> {
  return parseResponse(upgradeDetailSchema, await request(`/api/upgrade/enterprises/${encodeURIComponent(enterpriseId)}/figures`, { method: 'POST', body }))
}

export async function actOnUpgradeFile(enterpriseId: string, body: UpgradeAction): Promise<UpgradeDetail> {
  return parseResponse(upgradeDetailSchema, await request(`/api/upgrade/enterprises/${encodeURIComponent(enterpriseId)}/actions`, { method: 'POST', body }))
}

export async function fetchUpgradeBoard(areaId?: string): Promise<UpgradeBoard> {
  return parseResponse(upgradeBoardSchema, await request('/api/upgrade/board', { query: { areaId } }))
}

export async function fetchThresholds(): Promise<Threshold[]> {
  return parseResponse(thresholdListSchema, await request('/api/upgrade/thresholds')).items
}

export async function importUpgradeFigures(body: FigureImportRequest): Promise<FigureImportResult> {
  return parseResponse(figureImportResultSchema, await request('/api/upgrade/figures/import', { method: 'POST', body }))
}

export function upgradeTemplateUrl(): string {
  return `${API_BASE}/api/upgrade/figures/template?format=xlsx`
}

export async function saveThreshold(body: ThresholdEdit): Promise<Threshold[]> {
  return parseResponse(thresholdListSchema, await request('/api/upgrade/thresholds', { method: 'POST', body })).items
}
