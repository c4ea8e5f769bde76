import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Where the shipped templates/ folder is: beside the packaged app (electron-builder extraResources
// → resources/templates), or in the source tree when running from it (development, tests, CLI).

let cached: string | null = null;

export function templatesDir(): string {
  if (cached) return cached;
  const candidates: string[] = [];
  if (process.env.LEGAL_AID_TEMPLATES_DIR) candidates.push(process.env.LEGAL_AID_TEMPLATES_DIR);
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) candidates.push(join(resourcesPath, 'templates'));
  const starts = [process.cwd(), typeof __dirname === 'string' ? __dirname : process.cwd()];
  for (const start of starts) {
    let dir = resolve(start);
    for (let i = 0; i < 6; i++) {
      candidates.push(join(dir, 'templates'));
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  const found = candidates.find((c) => existsSync(join(c, 'fonts', 'DejaVuSans.ttf')));
  if (!found) throw new Error('The templates folder (fonts) was not found');
  cached = found;
  return found;
}
