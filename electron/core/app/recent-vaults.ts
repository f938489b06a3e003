import fs from 'node:fs';
import path from 'node:path';
import type { RecentVault } from '../../../shared/api/vault';
import { writeFileAtomic } from '../kernel/atomic-write';
import { vaultNameOf } from '../vault/vault';

/**
 * The list of recently opened vault files, kept outside any vault (it is needed before one is
 * unlocked). It holds paths only, no dossier content.
 */
const MAX_RECENT = 10;

interface StoredRecent {
  path: string;
  lastOpenedAt: string;
}

export class RecentVaults {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'recent-vaults.json');
  }

  private read(): StoredRecent[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed.filter((entry): entry is StoredRecent => typeof entry?.path === 'string' && typeof entry?.lastOpenedAt === 'string');
    } catch {
      return [];
    }
  }

  private write(entries: StoredRecent[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.file, JSON.stringify(entries, null, 2));
  }

  list(): RecentVault[] {
    return this.read().map((entry) => ({
      path: entry.path,
      name: vaultNameOf(entry.path),
      lastOpenedAt: entry.lastOpenedAt,
      exists: fs.existsSync(entry.path),
    }));
  }

  remember(vaultPath: string, at: Date = new Date()): void {
    const rest = this.read().filter((entry) => entry.path !== vaultPath);
    this.write([{ path: vaultPath, lastOpenedAt: at.toISOString() }, ...rest].slice(0, MAX_RECENT));
  }

  forget(vaultPath: string): RecentVault[] {
    this.write(this.read().filter((entry) => entry.path !== vaultPath));
    return this.list();
  }
}
