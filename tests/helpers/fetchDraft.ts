import { DraftResponse } from '../../shared/api.ts'
import { authorizationFor } from './testCredentials.ts'
import { type DocJson, normalizeDocJson } from './yClients.ts'

/** `GET /api/negotiations/:nid/draft`, checked against the shared contract. */
export async function fetchDraft(
  server: { url: string },
  negotiationId: string,
): Promise<DraftResponse> {
  const response = await fetch(`${server.url}/api/negotiations/${negotiationId}/draft`, {
    headers: authorizationFor(server.url),
  })
  if (!response.ok) {
    throw new Error(`GET draft: ${response.status} ${await response.text()}`)
  }
  return DraftResponse.parse(await response.json())
}

/** The server's live draft (`GET .../draft`), normalized to compare with a client's. */
export async function fetchDraftDocument(
  server: { url: string },
  negotiationId: string,
): Promise<DocJson> {
  return normalizeDocJson((await fetchDraft(server, negotiationId)).document)
}
