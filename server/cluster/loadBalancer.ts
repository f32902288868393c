import net from 'node:net'

/** How long a backend that refused a connection is passed over. */
const DOWN_FOR_MS = 1_000

export interface Backend {
  host: string
  port: number
}

export interface LoadBalancer {
  port: number
  close(): Promise<void>
}

/**
 * A small TCP load balancer for trying several processes on one machine (`npm run
 * start:cluster`, the cluster tests). It works at the connection level, as HAProxy's `mode
 * tcp`: each connection goes to the next backend in turn and its bytes are piped both ways
 * untouched, so HTTP and the WebSocket upgrade need no special case (every process serves
 * every room). A backend that refuses a connection (killed, restarting) is passed over for a
 * second and the connection tries the next one. For real deployments, see deploy/.
 */
export async function startLoadBalancer(props: {
  port: number
  host?: string
  backends: () => readonly Backend[]
}): Promise<LoadBalancer> {
  const downUntil = new Map<string, number>()
  let next = 0
  const keyOf = (backend: Backend) => `${backend.host}:${backend.port}`

  const connect = (client: net.Socket, attempt: number) => {
    const backends = props.backends()
    if (backends.length === 0 || attempt >= backends.length * 2) {
      client.destroy()
      return
    }
    const now = Date.now()
    const candidates = backends.filter((b) => (downUntil.get(keyOf(b)) ?? 0) <= now)
    const pool = candidates.length > 0 ? candidates : backends
    const backend = pool[next++ % pool.length]!
    const upstream = net.connect(backend.port, backend.host)
    const onError = () => {
      downUntil.set(keyOf(backend), Date.now() + DOWN_FOR_MS)
      upstream.destroy()
      connect(client, attempt + 1)
    }
    upstream.once('error', onError)
    upstream.once('connect', () => {
      upstream.off('error', onError)
      client.pipe(upstream)
      upstream.pipe(client)
      upstream.on('error', () => client.destroy())
      upstream.on('close', () => client.destroy())
      client.on('close', () => upstream.destroy())
      client.resume()
    })
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on('error', () => client.destroy())
    connect(client, 0)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(props.port, props.host ?? '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : props.port
  const sockets = new Set<net.Socket>()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
