import type { IfcModel } from '@foederal/ifc';
import type { CommandContext } from './context.js';
import { fileSize, stdinChunks } from './io.js';
import { byteProgress } from './progress.js';

/**
 * Opens an IFC model (file, .ifczip or `-` for standard input) with a progress bar on a terminal
 * for large files and the command's AbortSignal.
 */
export async function openModel(ctx: CommandContext, path: string): Promise<IfcModel> {
  const size = await fileSize(path);
  const progress = await byteProgress(ctx.io, ctx.t('IFC lesen', 'reading IFC'), size, ctx.lang);
  const options = {
    signal: ctx.io.signal,
    onProgress: (p: { phase: string; bytes: number; totalBytes: number | undefined }) => {
      if (p.phase === 'read') progress.update(p.bytes, p.totalBytes);
    },
  };
  try {
    if (path === '-') {
      const { openIfc } = await import('@foederal/ifc');
      return await openIfc(stdinChunks(ctx.io), options);
    }
    const { openIfcFile } = await import('@foederal/ifc/node');
    return await openIfcFile(path, options);
  } finally {
    progress.stop();
  }
}
