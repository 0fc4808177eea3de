import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { isPortOpen } from '../../scripts/lib/processes'
import { TEST_PORTS } from '../support/ports'

/*
 * `npm start` interrupted at each stage of its start-up, as Ctrl-C interrupts it: SIGINT to the
 * terminal's foreground process group (here: a group of its own). Whatever the moment, every
 * process it started must be gone a few seconds later — DynamoDB Local (java), serverless
 * offline, the h5 build — its ports free, and the next start must get going. The stack runs on
 * ports of its own (START_PORT_OFFSET), beside a real `npm start` and the other test stacks.
 *
 * What "every process it started" is comes from the machine, not from the script's own
 * bookkeeping: the process tree under the start just before the signal, and their process groups.
 */

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')
const OFFSET = TEST_PORTS.start.offset
const PORTS = { dynamo: 8000 + OFFSET, api: 3000 + OFFSET, lambda: 3002 + OFFSET, wechat: 3005 + OFFSET, s3: 4569 + OFFSET, h5: 10086 + OFFSET }
const H5_OUTPUT = join(ROOT, 'miniapp', `dist-port-offset-${OFFSET}`)
/** Signal to silence: the start must have let go of everything within this. */
const STOP_MS = 15_000

interface Proc {
  pid: number
  ppid: number
  pgid: number
  args: string
}

function processes(): Proc[] {
  const ps = spawnSync('ps', ['-ww', '-eo', 'pid=,ppid=,pgid=,args='], { encoding: 'utf8' })
  return ps.stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[4]! }))
}

/** The process and all its descendants, as they are now. */
function treeOf(rootPid: number): Proc[] {
  const all = processes()
  const tree = all.filter((p) => p.pid === rootPid)
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i]!.pid))
  return tree
}

/** What is still alive of `tree`: its processes, and anything in their process groups. */
function survivors(tree: readonly Proc[]): Proc[] {
  const pids = new Set(tree.map((p) => p.pid))
  const groups = new Set(tree.map((p) => p.pgid))
  return processes().filter((p) => pids.has(p.pid) || groups.has(p.pgid))
}

interface Start {
  child: ChildProcess
  output(): string
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<void>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Everything any start of this file saw, killed at the end whatever happened (only ever these pids). */
const seen = new Map<number, Proc>()
const runs: Start[] = []

/** `npm start -- <args>` in a process group of its own, as a terminal runs it in the foreground. */
function start(args: string[] = []): Start {
  // A shell's environment, not the test runner's (nor what npm told it, if npm ran the tests).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|npm_)/.test(key) && key !== 'NODE_ENV' && key !== 'TEST'))
  const child = spawn('npm', ['start', '--silent', '--', ...args], {
    cwd: ROOT,
    detached: true,
    env: { ...env, START_PORT_OFFSET: String(OFFSET), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const listeners = new Set<() => void>()
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })))
  const run: Start = {
    child,
    exited,
    output: () => output,
    waitForLine(pattern, timeoutMs = 150_000) {
      return new Promise<void>((resolveLine, reject) => {
        const check = () => {
          if (!pattern.test(output)) return
          cleanup()
          resolveLine()
        }
        const timer = setTimeout(() => (cleanup(), reject(new Error(`no ${pattern} after ${timeoutMs / 1000} s:\n${output}`))), timeoutMs)
        const onExit = () => (cleanup(), pattern.test(output) ? resolveLine() : reject(new Error(`exited before ${pattern}:\n${output}`)))
        const cleanup = () => {
          clearTimeout(timer)
          listeners.delete(check)
          child.off('exit', onExit)
        }
        listeners.add(check)
        child.once('exit', onExit)
        check()
      })
    },
  }
  runs.push(run)
  return run
}

/** The tree under a start right now, remembered for the final clean-up. */
function snapshot(run: Start): Proc[] {
  const tree = treeOf(run.child.pid!)
  for (const p of tree) seen.set(p.pid, p)
  return tree
}

async function within<T>(ms: number, what: string, check: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`${what} after ${ms / 1000} s`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function portsOpen(): Promise<string[]> {
  const open = await Promise.all(Object.entries(PORTS).map(async ([name, port]) => ((await isPortOpen(port)) ? `${name}:${port}` : '')))
  return open.filter(Boolean)
}

/**
 * Sends `signal` (to the group, as Ctrl-C does, or to the process alone) and checks that within
 * STOP_MS the start has exited and nothing of its tree or their groups is left, ports free.
 */
async function interrupt(run: Start, signal: NodeJS.Signals, to: 'group' | 'process' = 'group'): Promise<void> {
  const tree = snapshot(run)
  const signalledAt = Date.now()
  process.kill(to === 'group' ? -run.child.pid! : run.child.pid!, signal)
  const outcome = await Promise.race([run.exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), STOP_MS))])
  expect(outcome, `the start did not exit within ${STOP_MS / 1000} s:\n${run.output()}`).toBeDefined()
  const left = survivors(tree)
  const remaining = STOP_MS - (Date.now() - signalledAt)
  if (left.length > 0) await within(Math.max(remaining, 0), 'processes left', () => survivors(tree).length === 0).catch(() => undefined)
  expect(survivors(tree).map((p) => `${p.pid} (group ${p.pgid}, parent ${p.ppid}): ${p.args.slice(0, 160)}`)).toEqual([])
  expect(await portsOpen()).toEqual([])
}

beforeAll(async () => {
  // Nothing of another run may hold these ports, or the test would blame the start for it.
  expect(await portsOpen()).toEqual([])
})

afterEach(async () => {
  // A start that failed a test may still run: stop it, so that the next test starts clean.
  for (const run of runs.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      snapshot(run)
      try {
        process.kill(-run.child.pid!, 'SIGKILL')
      } catch {
        // gone meanwhile
      }
    }
  }
  killSeen()
})

afterAll(() => {
  killSeen()
  rmSync(H5_OUTPUT, { recursive: true, force: true })
})

/** SIGKILL whatever this file saw that still runs as it was (pid and command line both). */
function killSeen(): void {
  const now = new Map(processes().map((p) => [p.pid, p]))
  for (const p of seen.values()) {
    const same = now.get(p.pid)
    if (!same || same.args !== p.args) continue
    for (const target of [-p.pgid, p.pid]) {
      try {
        process.kill(target, 'SIGKILL')
      } catch {
        // gone
      }
    }
  }
}

const isTaroBuild = (p: Proc) => /taro(\.js)? build --type h5/.test(p.args)
const isDynamo = (p: Proc) => p.args.includes('DynamoDBLocal.jar') && p.args.includes(`-port ${PORTS.dynamo}`)
const isOffline = (p: Proc) => /osls offline start/.test(p.args)

describe('Ctrl-C during npm start', () => {
  it('stops DynamoDB Local as soon as it is up', async () => {
    const run = start()
    await run.waitForLine(/DynamoDB Local ready/)
    expect(snapshot(run).some(isDynamo)).toBe(true)
    await interrupt(run, 'SIGINT')
  })

  it('stops everything once the demo city is seeded', async () => {
    const run = start()
    await run.waitForLine(/demo city seeded/)
    await interrupt(run, 'SIGINT')
  })

  it('stops the h5 build (a real taro build) and the API starting beside it', async () => {
    const run = start()
    await run.waitForLine(/h5 build started/)
    // Let the build and the offline server get going: their children are what gets orphaned.
    await within(30_000, 'no taro build and serverless offline running', () => {
      const tree = snapshot(run)
      return tree.some(isTaroBuild) && tree.some(isOffline)
    })
    await interrupt(run, 'SIGINT')
  })

  it('stops everything after “API ready”, before the h5 build is done (the case that left java and osls running)', async () => {
    const run = start()
    await run.waitForLine(/API ready/)
    expect(run.output()).not.toMatch(/h5 mini-program built/)
    const tree = snapshot(run)
    expect(tree.some(isDynamo) && tree.some(isOffline) && tree.some(isTaroBuild)).toBe(true)
    await interrupt(run, 'SIGINT')
  })

  it('starts again on the same ports afterwards, to its first stage', async () => {
    const run = start()
    await run.waitForLine(/DynamoDB Local ready/)
    expect(run.output()).not.toMatch(/already in use/)
    await interrupt(run, 'SIGINT')
  })
})

describe('stopping npm start once it runs', () => {
  beforeAll(() => {
    // --no-build serves the h5 build already there: a page is enough to serve.
    mkdirSync(H5_OUTPUT, { recursive: true })
    writeFileSync(join(H5_OUTPUT, 'index.html'), '<!doctype html><title>亲商直通</title>')
  })

  it('stops everything on SIGTERM to npm start alone (kill <pid>)', async () => {
    const run = start(['--no-build'])
    await run.waitForLine(/is running/)
    await interrupt(run, 'SIGTERM', 'process')
  })

  it('names what a crashed start left behind with the command that clears it, and --clean clears it', async () => {
    const first = start(['--no-build'])
    await first.waitForLine(/API ready/)
    const tree = snapshot(first)
    const leftBehind = tree.filter((p) => isDynamo(p) || isOffline(p))
    expect(leftBehind.length).toBeGreaterThanOrEqual(2)
    // The start dies without a chance to clean up (a crash, kill -9), then npm: its children run on.
    const supervisor = tree.find((p) => / scripts\/start\.ts/.test(p.args))!
    process.kill(supervisor.pid, 'SIGKILL')
    process.kill(first.child.pid!, 'SIGKILL')
    await first.exited
    expect(survivors(leftBehind).length).toBeGreaterThanOrEqual(2)

    const second = start(['--no-build'])
    const { code } = await second.exited
    expect(code).toBe(1)
    expect(second.output()).toContain('npm start -- --clean')
    for (const p of leftBehind.filter((p) => p.pid === p.pgid)) expect(second.output()).toContain(String(p.pid))

    const clean = start(['--no-build', '--clean'])
    await clean.waitForLine(/DynamoDB Local ready/)
    expect(survivors(leftBehind)).toEqual([])
    await interrupt(clean, 'SIGINT')
  })
})
