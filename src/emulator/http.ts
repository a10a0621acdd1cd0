// The FakeTelegram over HTTP: a node:http server on 127.0.0.1 speaking the Bot API's wire format,
// `POST|GET /bot<token>/<method>` with JSON, urlencoded or multipart/form-data bodies (grammY
// uploads files as multipart) and `GET /file/bot<token>/<file_path>` for downloads. A bot connects
// with `new Bot(token, { client: { apiRoot: server.url } })` and runs exactly as in production.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FakeTelegram, Payload, Upload } from './fake-telegram.ts'

export interface ListenOptions {
  port?: number
  host?: string
}
export interface FakeServer {
  /** The apiRoot for grammY, e.g. http://127.0.0.1:40123 */
  url: string
  port: number
  close(): Promise<void>
}

export async function serve(
  fake: FakeTelegram,
  { port = 0, host = '127.0.0.1' }: ListenOptions = {},
): Promise<FakeServer> {
  const server = createServer((req, res) => {
    handle(fake, req, res).catch((e: unknown) => {
      if (!res.headersSent)
        reply(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${e}` })
    })
  })
  server.keepAliveTimeout = 60_000 // grammY keeps its connections alive between long polls
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function handle(fake: FakeTelegram, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake')
  const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname)
  if (file) {
    const stored = fake.download(file[1]!, decodeURIComponent(file[2]!))
    if (!stored) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
    res.writeHead(200, {
      'content-type': stored.mimeType ?? 'application/octet-stream',
      'content-length': stored.bytes.length,
    })
    res.end(stored.bytes)
    return
  }
  const call = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname)
  if (!call) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
  const body = await readBody(req)
  if (!fake.acceptsToken(call[1]!))
    return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' })
  const method = call[2]!
  const payload: Payload = {
    ...Object.fromEntries(url.searchParams),
    ...parseBody(String(req.headers['content-type'] ?? ''), body),
  }
  if (fake.takeNetworkFailure(method, payload)) {
    req.socket.destroy() // the bot sees a dropped connection
    return
  }
  const aborted = new AbortController() // a long poll ends when the bot hangs up
  res.on('close', () => res.writableFinished || aborted.abort())
  const answer = await fake.call(method, payload, aborted.signal)
  if (!res.destroyed) reply(res, answer.ok ? 200 : answer.error_code, answer)
}

/** The same wire format without a socket: a fetch answering from the model (see FakeTelegram.fetch). */
export function fetchAdapter(fake: FakeTelegram): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname)
    if (file) {
      const stored = fake.download(file[1]!, decodeURIComponent(file[2]!))
      if (!stored) return json(404, { ok: false, error_code: 404, description: 'Not Found' })
      return new Response(chunked(stored.bytes), {
        headers: { 'content-type': stored.mimeType ?? 'application/octet-stream' },
      })
    }
    const call = /\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname)
    if (!call) return json(404, { ok: false, error_code: 404, description: 'Not Found' })
    if (!fake.acceptsToken(call[1]!))
      return json(401, { ok: false, error_code: 401, description: 'Unauthorized' })
    const method = call[2]!
    const headers = new Headers(init?.headers)
    const payload = parseBody(String(headers.get('content-type') ?? ''), await bodyBytes(init?.body))
    if (fake.takeNetworkFailure(method, payload)) throw new TypeError('fetch failed (FakeTelegram)')
    const answer = await fake.call(method, payload, init?.signal ?? undefined)
    return json(answer.ok ? 200 : answer.error_code, answer)
  }) as typeof fetch
}

/**
 * A stored file as a network delivers it: in 64 KB chunks, each in its own turn of the event loop,
 * so that a bot reading a large download in process still lets its timers and other updates run.
 */
function chunked(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const size = 64 * 1024
  let at = 0
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setImmediate(resolve))
      if (at >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(at, at + size))
      at += size
    },
  })
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0)
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  if (body instanceof Uint8Array) return Buffer.from(body)
  const chunks: Buffer[] = []
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function parseBody(type: string, body: Buffer): Payload {
  if (body.length === 0) return {}
  if (type.startsWith('application/json')) return JSON.parse(body.toString('utf8')) as Payload
  if (type.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')))
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type)
  if (type.startsWith('multipart/form-data') && boundary)
    return parseMultipart(body, boundary[1] ?? boundary[2]!)
  return {}
}

/**
 * multipart/form-data, written out because grammY's encoding (`content-disposition:form-data;name="x"`,
 * unquoted filenames) trips stricter parsers. Fields stay strings; files become Uploads, and a
 * field `attach://<name>` is replaced by the file part of that name, as Telegram does.
 */
export function parseMultipart(body: Buffer, boundary: string): Payload {
  const fields: Payload = {}
  const files = new Map<string, Upload>()
  const delimiter = Buffer.from(`--${boundary}`)
  let pos = body.indexOf(delimiter)
  while (pos !== -1) {
    const start = pos + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    const part = body.subarray(start + 2, next - 2) // between the CRLF after the boundary and the CRLF before the next
    const split = part.indexOf('\r\n\r\n')
    const head = part.subarray(0, split).toString('utf8')
    const content = part.subarray(split + 4)
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? ''
    const name = /(?:^|;)\s*name=(?:"([^"]*)"|([^;\s]*))/i.exec(disposition)
    const fileName = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(disposition)
    const key = name?.[1] ?? name?.[2] ?? ''
    if (fileName) {
      const mime = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim()
      files.set(key, {
        bytes: Uint8Array.from(content),
        fileName: (fileName[1] ?? fileName[2] ?? '').trim(),
        ...(mime && mime !== 'application/octet-stream' ? { mimeType: mime } : {}),
      })
    } else fields[key] = content.toString('utf8')
    pos = next
  }
  for (const [key, value] of Object.entries(fields)) {
    const attached =
      typeof value === 'string' && value.startsWith('attach://') ? files.get(value.slice(9)) : undefined
    if (attached) fields[key] = attached
  }
  for (const [key, upload] of files)
    if (!(key in fields) && !Object.values(fields).includes(upload)) fields[key] = upload
  return fields
}
