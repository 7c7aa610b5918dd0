// ESM (dist/esm) + CommonJS (dist/cjs) + declarations (dist/types) with the TypeScript compiler only,
// for the package in the current directory (sdks/typescript, and sdks/react which calls this script).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.cwd();
const tsc = createRequire(join(dir, 'package.json')).resolve('typescript/bin/tsc');
rmSync(join(dir, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit', cwd: dir });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], { stdio: 'inherit', cwd: dir });
// Both packages are "type": "module"; this marks dist/cjs as CommonJS for Node.
mkdirSync(join(dir, 'dist/cjs'), { recursive: true });
writeFileSync(join(dir, 'dist/cjs/package.json'), '{"type": "commonjs"}\n');
