import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createConnection } from 'node:net'

/** Child processes this script started; stopped together on exit or Ctrl-C. */
const children = new Set<ChildProcess>()

export function startProcess(command: string, args: string[], options: SpawnOptions & { name: string; quiet?: boolean }): ChildProcess {
  // A process group of its own, so stopping it also stops whatever it spawned.
  const child = spawn(command, args, { ...options, detached: true, stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'] })
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // already gone
    }
  }, 5000)
  await exited
  clearTimeout(timer)
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopProcess))
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
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with code ${child.exitCode}`)
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`)
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  if (await isPortOpen(port)) throw new Error(`Port ${port} (${what}) is already in use. Stop whatever holds it and try again.`)
}
