import { liveSkipLine } from './live-env';

// Once per run, before the files load: one line naming the variables of every group that is skipped.
export default function setup(): void {
  const line = liveSkipLine();
  if (line !== undefined) console.log(line);
}
