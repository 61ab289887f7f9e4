import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { postFormDataToApi } from '@ai-sdk/provider-utils';
import type {
  LangdockDeleteAttachmentOptions,
  LangdockUploadAttachmentOptions,
} from './langdock-agent-options';
import { describeValue } from '../langdock-provider-settings';
import {
  prepareLangdockRequest,
  type LangdockRequestConfig,
} from '../http/langdock-request-config';
import { createLangdockJsonResponseHandler } from '../http/langdock-response-handlers';
import { isJsonObject, type Validated } from '../http/langdock-json-guards';

// Files for agents: `POST /attachment/v1/upload` (multipart `file`) returns an id that user messages refer to
// (`metadata.attachments`); `DELETE /attachment/v1/delete` removes it. docs.langdock.com/api-endpoints/agent/upload-attachments

const attachmentHints: Partial<Record<number, string>> = {
  400: 'Langdock refused the file: check that it is not empty and that its type is one Langdock accepts.',
  403: "The key is valid but lacks access: Langdock's upload docs say it needs the KNOWLEDGE_FOLDER_API scope (workspace API settings).",
  404: 'No such attachment (it may already be deleted), or no attachment API at this address: check baseURL or agentBaseURL.',
};

export type LangdockAttachmentData = Blob | Uint8Array | ArrayBuffer;

function validateUpload(value: unknown): Validated<{ attachmentId: string }> {
  if (!isJsonObject(value) || typeof value.attachmentId !== 'string' || value.attachmentId === '') {
    return { success: false, problem: 'response.attachmentId must be a non-empty string' };
  }
  return { success: true, value: { attachmentId: value.attachmentId } };
}

function validateDelete(value: unknown): Validated<{ success?: boolean; message?: string }> {
  if (!isJsonObject(value)) return { success: false, problem: 'the response must be an object' };
  return {
    success: true,
    value: {
      success: typeof value.success === 'boolean' ? value.success : undefined,
      message: typeof value.message === 'string' ? value.message : undefined,
    },
  };
}

/** Uploads a file for agents and returns its attachment id. */
export async function uploadLangdockAttachment(
  config: LangdockRequestConfig,
  file: LangdockAttachmentData,
  options: LangdockUploadAttachmentOptions = {},
): Promise<string> {
  const isBlob = typeof Blob !== 'undefined' && file instanceof Blob;
  if (!isBlob && !(file instanceof Uint8Array) && !(file instanceof ArrayBuffer)) {
    throw new InvalidArgumentError({
      argument: 'file',
      message: `uploadAttachment takes a File, a Blob, a Uint8Array or an ArrayBuffer; got ${describeValue(file)}.`,
    });
  }
  const filename =
    options.filename ??
    (typeof File !== 'undefined' && file instanceof File ? file.name : undefined);
  if (typeof filename !== 'string' || filename.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'filename',
      message: 'uploadAttachment needs a filename: pass { filename } (a File brings its own name).',
    });
  }
  const mediaType =
    options.mediaType ?? (isBlob && (file as Blob).type !== '' ? (file as Blob).type : undefined);
  if (typeof mediaType !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(mediaType)) {
    throw new InvalidArgumentError({
      argument: 'mediaType',
      message:
        "uploadAttachment needs the file's media type, such as 'application/pdf': pass { mediaType } (a Blob with a type brings its own).",
    });
  }
  const blob = isBlob ? (file as Blob) : new Blob([file as BlobPart], { type: mediaType });
  const formData = new FormData();
  formData.append(
    'file',
    blob.type === mediaType ? blob : new Blob([blob], { type: mediaType }),
    filename,
  );

  const request = prepareLangdockRequest(config, {
    path: '/attachment/v1/upload',
    headers: options.headers,
    errorHints: attachmentHints,
  });
  const { value } = await postFormDataToApi({
    url: request.url,
    headers: request.headers,
    formData,
    failedResponseHandler: request.failedResponseHandler,
    successfulResponseHandler: createLangdockJsonResponseHandler({
      what: 'attachment upload answer',
      validate: validateUpload,
      redact: request.redact,
    }),
    abortSignal: options.abortSignal,
    fetch: request.fetch,
  });
  return value.attachmentId;
}

/** Deletes an uploaded attachment. */
export async function deleteLangdockAttachment(
  config: LangdockRequestConfig,
  attachmentId: string,
  options: LangdockDeleteAttachmentOptions = {},
): Promise<void> {
  if (typeof attachmentId !== 'string' || attachmentId.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'attachmentId',
      message: `deleteAttachment takes the id uploadAttachment returned; got ${describeValue(attachmentId)}.`,
    });
  }
  const request = prepareLangdockRequest(config, {
    path: '/attachment/v1/delete',
    headers: { ...options.headers, 'content-type': 'application/json' },
    errorHints: attachmentHints,
  });
  const requestBodyValues = { attachmentId };
  const fetch = request.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'DELETE',
      headers: request.headers,
      body: JSON.stringify(requestBodyValues),
      signal: options.abortSignal,
    });
  } catch (error) {
    if (options.abortSignal?.aborted || (error instanceof Error && error.name === 'AbortError'))
      throw error;
    throw new APICallError({
      message: `Cannot connect to Langdock: ${error instanceof Error ? error.message : String(error)}`,
      url: request.url,
      requestBodyValues,
      cause: error,
      isRetryable: true,
    });
  }
  if (!response.ok)
    throw (await request.failedResponseHandler({ response, url: request.url, requestBodyValues }))
      .value;
  const handle = createLangdockJsonResponseHandler({
    what: 'attachment delete answer',
    validate: validateDelete,
    redact: request.redact,
  });
  const { value } = await handle({ response, url: request.url, requestBodyValues });
  if (value.success === false) {
    throw new APICallError({
      message: `Langdock did not delete attachment ${attachmentId}: ${request.redact(value.message ?? 'no reason given')}.`,
      url: request.url,
      requestBodyValues,
      statusCode: response.status,
      isRetryable: false,
    });
  }
}
