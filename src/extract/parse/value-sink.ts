// Collects cell values. A key read twice with the same number is fine (repeated tables);
// read twice with different numbers it is ambiguous, so it is dropped and a warning says why.

export class ValueSink {
  readonly values = new Map<string, number>();
  readonly warnings: string[] = [];
  private readonly conflicts = new Set<string>();

  set(key: string, value: number, where: string): void {
    if (this.conflicts.has(key)) return;
    const old = this.values.get(key);
    if (old === undefined) this.values.set(key, value);
    else if (old !== value) {
      this.values.delete(key);
      this.conflicts.add(key);
      this.warnings.push(`${key}: the document shows both ${old} and ${value} (${where}); left out`);
    }
  }

  warn(message: string): void {
    this.warnings.push(message);
  }
}
