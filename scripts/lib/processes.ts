import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createConnection } from 'node:net'
import { constants } from 'node:os'

/** A child process this script started, as a later start may need to find it (see run-state.ts). */
export interface StartedChild {
  name: string
  /** Also the id of its process group: each child leads a group of its own. */
  pid: number
  /** As started, to tell it from an unrelated process that got the same pid later. */
  command: string
}

/** Child processes this script started; stopped together on exit or Ctrl-C. */
const children = new Map<ChildProcess, StartedChild>()
const watchers = new Set<(running: StartedChild[]) => void>()

/** Why this script is stopping, once it is: from then on nothing new is started. */
let stopReason: string | undefined

/** What a stage that would start something after a stop was asked for throws instead. */
export class StopRequested extends Error {
  constructor(reason: string) {
    super(`stopping (${reason}): nothing more is started`)
    this.name = 'StopRequested'
  }
}

export const isStopping = (): boolean => stopReason !== undefined

/** Called before each stage: a stop asked for meanwhile ends the start-up here. */
export function assertNotStopping(): void {
  if (stopReason !== undefined) throw new StopRequested(stopReason)
}

export const runningChildren = (): StartedChild[] => [...children.values()]

/** Hears the list of running children whenever a child starts or exits. */
export function watchChildren(watcher: (running: StartedChild[]) => void): void {
  watchers.add(watcher)
}

const notify = () => {
  const running = runningChildren()
  for (const watcher of watchers) watcher(running)
}

export function startProcess(command: string, args: string[], options: SpawnOptions & { name: string; quiet?: boolean }): ChildProcess {
  assertNotStopping()
  // A process group of its own, so stopping it also stops whatever it spawned. The terminal's
  // Ctrl-C does not reach such a group: it reaches this script, which stops every group it started.
  const child = spawn(command, args, { ...options, detached: true, stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] })
  if (child.pid === undefined) return child // did not start: its 'error' says why
  children.set(child, { name: options.name, pid: child.pid, command: [command, ...args].join(' ') })
  child.once('exit', () => {
    children.delete(child)
    notify()
  })
  notify()
  return child
}

function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal)
    return true
  } catch {
    return false
  }
}

/** Asks the child's whole group to stop, kills it after `graceMs`, and once the child is gone kills what is left of its group. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  const pid = child.pid
  if (pid === undefined) return
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()))
  if (!signalGroup(pid, 'SIGTERM')) return
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
  // The leader is gone; what it left of its group (a build's workers, esbuild's service) goes too.
  signalGroup(pid, 'SIGKILL')
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children.keys()].map((child) => stopProcess(child)))
}

/** Signals every child's group at once, without waiting: for the last moment of this process. */
function signalAllNow(signal: NodeJS.Signals): void {
  for (const { pid } of children.values()) signalGroup(pid, signal)
}

// Children live in groups of their own and would outlive this process: whatever way it ends
// (an uncaught error, process.exit), they are told to stop with it.
process.on('exit', () => signalAllNow('SIGTERM'))

type Cleanup = () => unknown
const cleanups: { what: string; run: Cleanup }[] = []

/** Something of this process to close at stop (a server, a poller), before the children are stopped. */
export function onStop(what: string, run: Cleanup): void {
  cleanups.push({ what, run })
}

export interface StopOptions {
  log(message: string): void
  /** Last, once every child has gone (e.g. remove the run-state file). */
  finally?(): void
}

let stopOptions: StopOptions = { log: (message) => process.stderr.write(`${message}\n`) }
let stopping: Promise<never> | undefined
let stopAskedAt = 0
/**
 * One Ctrl-C can arrive twice: from the terminal, and again from `npm start` passing it on to its
 * script. Only a signal this long after the first is a second Ctrl-C.
 */
const SAME_SIGNAL_MS = 1500

/** In-process things closing take at most this long, all together: a browser's open connection must not hold up the stop. */
const CLEANUP_MS = 3000

/**
 * Stops everything this script started so far and ends the process with `exitCode`: what is
 * closed in-process (onStop) first, then every child's process group. A second call (a second
 * Ctrl-C) kills what is left at once.
 */
export function stopEverything(reason: string, exitCode: number): Promise<never> {
  if (stopping) {
    if (Date.now() - stopAskedAt < SAME_SIGNAL_MS) return stopping
    stopOptions.log('Stopping now.')
    signalAllNow('SIGKILL')
    stopOptions.finally?.()
    process.exit(exitCode)
  }
  stopReason = reason
  stopAskedAt = Date.now()
  stopping = (async () => {
    const closing = cleanups.splice(0).reverse().map(({ run }) => Promise.resolve().then(run).catch(() => undefined))
    await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, CLEANUP_MS).unref())])
    await stopAll()
    stopOptions.finally?.()
    process.exit(exitCode)
  })()
  return stopping
}

/**
 * From now on SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) stop everything started
 * so far, whatever stage this script is at, and end the process with 128 + the signal's number.
 * So does losing the parent process (`npm start` killed outright): nobody would stop us after.
 */
export function stopOnSignals(options: StopOptions): void {
  stopOptions = options
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (!stopping) options.log(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping everything that was started…`)
      void stopEverything(signal, 128 + constants.signals[signal])
    })
  }
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid === parent || stopping) return
    options.log(`The parent process (pid ${parent}) has gone: stopping everything that was started…`)
    void stopEverything('parent gone', 128 + constants.signals.SIGHUP)
  }, 1000).unref()
}

export async function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${what}: the process exited (${child.exitCode ?? child.signalCode})`)
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`)
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  if (await isPortOpen(port)) throw new Error(`Port ${port} (${what}) is already in use. Stop whatever holds it and try again.`)
}
