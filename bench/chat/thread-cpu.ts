import { readFileSync } from 'node:fs';

/** Linux reports thread times in clock ticks of 10 ms (USER_HZ 100 on every mainstream kernel). */
const MS_PER_TICK = 10;

/**
 * CPU time (ms) of the calling thread so far, from /proc/thread-self/stat (a sync read runs on the
 * calling thread, so in a worker it is that worker's time); undefined off Linux. Node 20 has no
 * process.threadCpuUsage, and process.cpuUsage counts every thread of the process.
 */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return undefined;
  }
}
