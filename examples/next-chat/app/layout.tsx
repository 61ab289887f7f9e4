import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Langdock chat · Next.js example',
  description:
    'useChat, a tool and a structured object (Output.object) on Langdock through langdock-ai-provider.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
