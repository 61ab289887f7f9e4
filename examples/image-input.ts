// Send an image with the prompt. Bytes go inline as a data: URL; https URLs are passed to Langdock as they are.
import { generateText } from 'ai';
import { connect } from './shared/connect';

// A 1x1 red PNG, so the example needs no file or network.
const redPixel = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

const { langdock, modelId, close } = await connect();
try {
  const { text, finalStep } = await generateText({
    model: langdock(modelId),
    // Keep the request body in the result (AI SDK 7 drops it by default), to show how the image was sent.
    include: { requestBody: true },
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What colour is this image?' },
          // AI SDK 7: an image is a file part with an image/* media type (`image` alone: read from the bytes).
          { type: 'file', data: redPixel, mediaType: 'image/png' },
        ],
      },
    ],
  });
  console.log(text);
  const sentAs = /"url":"(data:[^,"]+),/.exec(JSON.stringify(finalStep.request.body))?.[1];
  console.log(`the image went to Langdock as ${sentAs ?? 'no data: URL'}`);
} finally {
  await close();
}
