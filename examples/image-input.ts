// Send an image with the prompt. Bytes go inline as a data: URL; https URLs are passed to Langdock as they are.
import { generateText } from 'ai';
import { connect } from './shared/connect';

// A 1x1 red PNG, so the example needs no file or network.
const redPixel = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (char) => char.charCodeAt(0),
);

const { langdock, modelId, close } = await connect();
try {
  const { text } = await generateText({
    model: langdock(modelId),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What colour is this image?' },
          { type: 'image', image: redPixel, mediaType: 'image/png' },
        ],
      },
    ],
  });
  console.log(text);
} finally {
  await close();
}
