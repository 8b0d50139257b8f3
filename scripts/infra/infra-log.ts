export function log(message: string): void {
  process.stdout.write(`infra: ${message}\n`);
}
