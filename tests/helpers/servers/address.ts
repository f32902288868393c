import { COLLAB_PATH } from '../../../shared/collabProtocol.ts'

/** Where a running server answers. */
export interface ServerAddress {
  readonly port: number
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** `ws://127.0.0.1:<port>/collab`, the server URL a WebsocketProvider takes. */
  readonly collabUrl: string
  /** The server's data directory: with its database, what a restart finds again. */
  readonly dataDir: string
}

/** `http://127.0.0.1:<port>` */
export const httpUrl = (port: number): string => `http://127.0.0.1:${port}`

/** `ws://127.0.0.1:<port>/collab` */
export const collabUrl = (port: number): string => `ws://127.0.0.1:${port}${COLLAB_PATH}`

/** What every test server derives from the port it listens on. */
export abstract class ListeningServer implements ServerAddress {
  /** 0 until the server listens; kept across a restart on the same port. */
  protected listeningPort = 0

  abstract get dataDir(): string

  get port(): number {
    return this.listeningPort
  }
  get url(): string {
    return httpUrl(this.listeningPort)
  }
  get collabUrl(): string {
    return collabUrl(this.listeningPort)
  }
}
