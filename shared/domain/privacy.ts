import type { AppealEvent } from '../schemas/appeal.schema'

/*
 * 用户隐私保护指引 (the WeChat privacy guide, under the PIPL): what the product collects, why, for how
 * long and who sees it, kept in one place with its version. The mini-program shows this text; the
 * server records which version each user agreed to and when; a new version is agreed to again.
 * Change the text → change PRIVACY_VERSION (the date the text took effect).
 */

/** The version of the guide now in force: the day it took effect. */
export const PRIVACY_VERSION = '2026-12-05'

/** What a deleted account's name becomes on the appeals it filed (they stay with the enterprise). */
export const DELETED_USER_NAME = '已注销用户'

export interface PrivacyItem {
  /** What is collected. */
  what: string
  why: string
  /** How long it is kept. */
  keep: string
  /** Who sees it. */
  who: string
}

export interface PrivacySection {
  title: string
  paragraphs: readonly string[]
}

export const PRIVACY_TITLE = '亲商直通用户隐私保护指引'

export const PRIVACY_OPERATOR = '亲商直通由市优化营商环境工作办公室（市级统筹）运营，各园区、区县及经办部门按职责使用。'

/** The personal data the mini-program handles, one row each. */
export const PRIVACY_ITEMS: readonly PrivacyItem[] = [
  {
    what: '微信身份标识（openid）',
    why: '识别您的登录身份，向您发送您订阅的诉求办理进度消息',
    keep: '至您注销账号时删除',
    who: '仅系统使用，任何工作人员都看不到',
  },
  {
    what: '姓名',
    why: '让企业服务专员和经办人员知道诉求由谁提出、与谁联系',
    keep: '至您注销账号时删除；您提交的诉求上显示为「已注销用户」',
    who: '本企业已绑定的同事、负责本企业的专员、办理您诉求的工作人员',
  },
  {
    what: '手机号（选填）',
    why: '专员核实您的企业联系人身份、电话沟通诉求办理情况',
    keep: '至您注销账号时删除',
    who: '完整号码仅负责本企业的专员和属地、市级管理员可见；其他人只能看到 138****1234 这样的隐藏号码',
  },
  {
    what: '所属企业',
    why: '把您的诉求送到本企业的服务专员，并让您查看本企业的诉求',
    keep: '至您解除绑定或注销账号时删除',
    who: '本企业已绑定的同事、负责本企业的专员和管理员',
  },
  {
    what: '诉求内容与附件（标题、描述、补充材料、评价）',
    why: '交办、办理、答复和评价您的诉求，统计办理情况',
    keep: '诉求是企业的办理档案，注销账号后仍保留在企业名下，不再显示您的姓名和手机号',
    who: '本企业已绑定的同事、办理该诉求的专员、协办部门和属地、市级管理员',
  },
]

export const PRIVACY_SECTIONS: readonly PrivacySection[] = [
  {
    title: '我们不会做的事',
    paragraphs: ['不会收集您的位置、通讯录、相册中您未选择的内容；不会把您的个人信息提供给与诉求办理无关的单位或个人，也不会用于商业推广。'],
  },
  {
    title: '您的权利',
    paragraphs: [
      '您可以在「我的 → 我的个人信息」查看本系统保存的关于您的全部个人信息，包括您同意本指引的版本和时间。',
      '您可以在「我的 → 注销账号」删除账号：您的企业绑定和微信身份标识会被删除，登录随即失效；您提交的诉求仍由企业保留，提交人显示为「已注销用户」，手机号被删除。工作人员账号由管理员在名册中维护，不能自行注销。',
      '不同意本指引时，您仍可以浏览企业服务联系卡；提交诉求需要登录，登录前需要您的同意。',
    ],
  },
  {
    title: '指引的更新',
    paragraphs: ['本指引更新后，我们会在您下次使用时请您重新阅读并同意。'],
  },
]

/** What the server keeps of one agreement. */
export interface PrivacyConsent {
  version: string
  at: string
}

/** Whether the user must be asked (again): never agreed, or agreed to another version than the one in force. */
export function consentNeeded(consent: Pick<PrivacyConsent, 'version'> | null | undefined, current: string = PRIVACY_VERSION): boolean {
  return !consent || consent.version !== current
}

/**
 * A deleted account's traces in an appeal's timeline: the events they acted in name them as
 * 已注销用户, and their name is taken out of other events' words (「已核实 王晓东 为本企业联系人」).
 * Returns only the events that change.
 */
export function anonymisedEvents(events: readonly AppealEvent[], userId: string, name: string): AppealEvent[] {
  const changed: AppealEvent[] = []
  const named = name.trim().length >= 2 ? name.trim() : null
  for (const event of events) {
    const actor = event.actor.id === userId ? { ...event.actor, name: DELETED_USER_NAME } : event.actor
    const message = named && event.message?.includes(named) ? event.message.split(named).join(DELETED_USER_NAME) : event.message
    if (actor !== event.actor || message !== event.message) changed.push({ ...event, actor, ...(message !== undefined ? { message } : {}) })
  }
  return changed
}
