// Uploaded attachments: `POST /attachment/v1/upload` (multipart `file`) and `DELETE /attachment/v1/delete`.

export interface EmulatorAttachment {
  attachmentId: string;
  name: string;
  mimeType: string;
  sizeInBytes: number;
}

/** Ids are UUIDs, as Langdock's are, but counted, so every run hands out the same ones. */
export class AttachmentStore {
  private readonly items = new Map<string, EmulatorAttachment>();
  private count = 0;

  add(file: { name: string; type: string; size: number }): EmulatorAttachment {
    this.count += 1;
    const attachmentId = `00000000-0000-4000-8000-${String(this.count).padStart(12, '0')}`;
    const attachment = {
      attachmentId,
      name: file.name,
      mimeType: file.type || 'application/octet-stream',
      sizeInBytes: file.size,
    };
    this.items.set(attachmentId, attachment);
    return attachment;
  }

  has(attachmentId: string): boolean {
    return this.items.has(attachmentId);
  }

  delete(attachmentId: string): boolean {
    return this.items.delete(attachmentId);
  }

  list(): EmulatorAttachment[] {
    return [...this.items.values()];
  }

  clear(): void {
    this.items.clear();
  }
}

/** The `file` field of a multipart body, or undefined when there is none (or the body is not multipart). */
export async function readUploadedFile(
  bytes: Buffer,
  contentType: string | undefined,
): Promise<File | undefined> {
  if (contentType === undefined || !/^multipart\/form-data/i.test(contentType)) return undefined;
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    return undefined;
  }
  const file = form.get('file');
  return typeof file === 'object' && file !== null ? file : undefined;
}
