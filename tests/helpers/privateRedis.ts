import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import { Redis } from 'ioredis'

/** A free TCP port on loopback (closed again before it is used: good enough for a test). */
async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

/**
 * A redis-server of one test's own, on a free port, keeping nothing on disk: a test that
 * kills Redis kills this one, never the machine's (SERVICES.md).
 */
export class PrivateRedis {
  #child: ChildProcess | null = null

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort())
    await redis.restart()
    return redis
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  /** Starts it (again, empty) on the same port and waits until it answers. */
  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    )
    this.#child = child
    const deadline = Date.now() + 10_000
    for (;;) {
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 })
      client.on('error', () => undefined)
      try {
        await client.connect()
        if ((await client.ping()) === 'PONG') return
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not start`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      } finally {
        client.disconnect()
      }
    }
  }

  /** SIGKILL: everything it held (subscriptions, keys) is gone. */
  async kill(): Promise<void> {
    const child = this.#child
    this.#child = null
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }

  async stop(): Promise<void> {
    await this.kill()
  }
}
