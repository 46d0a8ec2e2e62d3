// One counter for every tracked change, so delta tokens can say "changes after N".
export class ChangeSequence {
  private current = 0;

  get value(): number {
    return this.current;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }
}
