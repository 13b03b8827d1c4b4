import { setPriority } from 'node:os';

/**
 * Jobs yield the CPU to request handling on a shared machine: the thread that runs them gets a
 * lower scheduling priority (nice 10; on Linux this applies to the calling thread only).
 */
export function lowerPriority(log: { warn(obj: object, msg: string): void }): void {
  try {
    setPriority(0, 10);
  } catch (error) {
    log.warn({ err: error }, 'could not lower the priority of the job thread');
  }
}
