import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { StartedChild } from './processes'

/*
 * What a running `npm start` has started, kept in a file under .run/ (one per set of ports) while
 * it runs and removed when it stops. A start that dies without stopping its children (kill -9, a
 * crash) leaves the file behind; the next start reads it, finds which of those processes still
 * run — the very processes, not others that got their pid since — and says how to clear them.
 */

export interface RunState {
  /** The start's own process (node running scripts/start.ts). */
  pid: number
  startedAt: string
  ports: Record<string, number>
  children: StartedChild[]
}

export function readRunState(path: string): RunState | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunState
  } catch {
    return undefined
  }
}

/** Written whole and renamed into place: a start killed mid-write leaves the previous version. */
export function writeRunState(path: string, state: RunState): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`)
  renameSync(temporary, path)
}

export function removeRunState(path: string): void {
  rmSync(path, { force: true })
}

/** The command line of a running process, or undefined when no process has that pid. */
export function commandLineOf(pid: number): string | undefined {
  const ps = spawnSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })
  const line = ps.status === 0 ? ps.stdout.trim() : ''
  return line === '' ? undefined : line
}

/** Whether any process of the group still runs (a group outlives its leader while members remain). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Whether a child of an earlier start still runs. Its pid was also its process group's id, and a
 * pid is not handed out again while a group bears it: a live leader with another command line is
 * a new process that got the pid after the whole group had gone.
 */
function stillRunning(child: StartedChild): boolean {
  const command = commandLineOf(child.pid)
  // An interpreter may stand before the command (`node …/.bin/osls offline start`).
  if (command !== undefined) return command.includes(child.command)
  return groupAlive(child.pid)
}

export interface Leftovers {
  /** The earlier start itself, when it still runs. */
  running?: { pid: number }
  /** Its children that still run. */
  children: StartedChild[]
}

export function leftoversOf(state: RunState): Leftovers {
  const running = commandLineOf(state.pid)?.includes('scripts/start.ts') ? { pid: state.pid } : undefined
  return { ...(running ? { running } : {}), children: state.children.filter(stillRunning) }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal)
  } catch {
    // gone already
  }
}

/** Stops leftovers as `npm start` stops its own children: each group asked to stop, killed after a few seconds. */
export async function clearLeftovers(children: readonly StartedChild[], graceMs = 5000): Promise<void> {
  for (const child of children) signalGroup(child.pid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (children.some((c) => groupAlive(c.pid)) && Date.now() < deadline) await pause(100)
  for (const child of children.filter((c) => groupAlive(c.pid))) signalGroup(child.pid, 'SIGKILL')
  while (children.some((c) => groupAlive(c.pid)) && Date.now() < deadline + 2000) await pause(100)
}
