import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLangdockEmulator, type LangdockEmulator } from '../../../emulator/index';
import { createLangdock } from '../../../src/index';

const API_KEY = 'ld-attachment-key-0123';
let emulator: LangdockEmulator;

beforeAll(async () => {
  emulator = await startLangdockEmulator({ apiKeys: [API_KEY], agents: ['helper'] });
});
afterAll(() => emulator.close());

const provider = (dedicated = false) =>
  createLangdock({ apiKey: API_KEY, baseURL: emulator.baseURLFor('eu', { dedicated }) });

describe('uploadAttachment and deleteAttachment', () => {
  it('uploads bytes, a Blob and a File as multipart `file` and returns the id', async () => {
    emulator.reset();
    const langdock = provider();
    const fromBytes = await langdock.uploadAttachment(new TextEncoder().encode('a,b\n1,2\n'), {
      filename: 'table.csv',
      mediaType: 'text/csv',
    });
    const fromBlob = await langdock.uploadAttachment(
      new Blob(['{}'], { type: 'application/json' }),
      { filename: 'data.json' },
    );
    const fromFile = await langdock.uploadAttachment(
      new File(['%PDF'], 'report.pdf', { type: 'application/pdf' }),
    );
    expect([fromBytes, fromBlob, fromFile]).toEqual(
      emulator.attachments.map((attachment) => attachment.attachmentId),
    );
    expect(
      emulator.attachments.map(({ name, mimeType, sizeInBytes }) => ({
        name,
        mimeType,
        sizeInBytes,
      })),
    ).toEqual([
      { name: 'table.csv', mimeType: 'text/csv', sizeInBytes: 8 },
      { name: 'data.json', mimeType: 'application/json', sizeInBytes: 2 },
      { name: 'report.pdf', mimeType: 'application/pdf', sizeInBytes: 4 },
    ]);
    const upload = emulator.requests[0]!;
    expect(upload.path).toBe('/attachment/v1/upload');
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(upload.rawBody).toContain(
      'Content-Disposition: form-data; name="file"; filename="table.csv"',
    );
  });

  it('deletes with DELETE {attachmentId}, on a dedicated deployment under /api/public; a second delete is a 404 that says why', async () => {
    emulator.reset();
    const langdock = provider(true);
    const id = await langdock.uploadAttachment(new Uint8Array([1, 2, 3]), {
      filename: 'x.bin',
      mediaType: 'application/octet-stream',
    });
    await langdock.deleteAttachment(id);
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/public/attachment/v1/upload',
      'DELETE /api/public/attachment/v1/delete',
    ]);
    expect(emulator.requests[1]!.body).toEqual({ attachmentId: id });
    expect(emulator.attachments).toEqual([]);
    const error = (await langdock
      .deleteAttachment(id)
      .catch((caught: unknown) => caught)) as APICallError;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(404);
    expect(error.message).toMatch(
      /^Langdock API error 404: Attachment not found\. No such attachment \(it may already be deleted\), or no attachment API at this address: check baseURL or agentBaseURL\. \(request id req_emulator\d+\)$/,
    );
  });

  it('explains a 403 (the scope the upload needs) and redacts an echoed key', async () => {
    emulator.script({
      type: 'response',
      status: 403,
      body: { message: `Key ${API_KEY} lacks a scope` },
    });
    const error = (await provider()
      .uploadAttachment(new Uint8Array([1]), { filename: 'a', mediaType: 'text/plain' })
      .catch((caught: unknown) => caught)) as APICallError;
    expect(error.message).toMatch(
      /^Langdock API error 403: Key \[redacted\] lacks a scope\. The key is valid but lacks access: Langdock's upload docs say it needs the KNOWLEDGE_FOLDER_API scope \(workspace API settings\)\. \(request id req_emulator\d+\)$/,
    );
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it('refuses an upload answer without an attachment id', async () => {
    emulator.script({ type: 'response', status: 200, body: { file: {} } });
    await expect(
      provider().uploadAttachment(new Uint8Array([1]), { filename: 'a', mediaType: 'text/plain' }),
    ).rejects.toThrow(
      'Langdock answered with an unexpected attachment upload answer: response.attachmentId must be a non-empty string.',
    );
  });

  it.each([
    {
      file: 'text',
      options: { filename: 'a', mediaType: 'text/plain' },
      message: 'uploadAttachment takes a File, a Blob, a Uint8Array or an ArrayBuffer; got "text".',
    },
    {
      file: new Uint8Array([1]),
      options: { mediaType: 'text/plain' },
      message: 'uploadAttachment needs a filename',
    },
    {
      file: new Uint8Array([1]),
      options: { filename: 'a' },
      message: "uploadAttachment needs the file's media type",
    },
  ])('refuses bad input before any request: $message', async ({ file, options, message }) => {
    const before = emulator.requests.length;
    await expect(provider().uploadAttachment(file as never, options)).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(provider().uploadAttachment(file as never, options)).rejects.toThrow(message);
    await expect(provider().deleteAttachment('')).rejects.toThrow(
      'deleteAttachment takes the id uploadAttachment returned',
    );
    expect(emulator.requests.length).toBe(before);
  });
});
