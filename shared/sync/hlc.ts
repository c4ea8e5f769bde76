// Hybrid logical clock (Kulkarni et al.), the change stamp every row and every field change carries.
// Encoded as a fixed-width string so that plain string comparison orders stamps:
//   <15-digit wall-clock ms>-<4 hex counter>-<16 hex node id>
// Node id = the installation id's first 16 hex digits, which breaks ties between installations.

export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
/** Refuse remote stamps further than this ahead of our clock: a laptop with a wrong date must not poison the merge. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export function formatHlc(s: HlcState): string {
  return `${String(s.millis).padStart(15, '0')}-${s.counter.toString(16).padStart(4, '0')}-${s.node}`;
}

const HLC_RE = /^(\d{15})-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function parseHlc(stamp: string): HlcState {
  const m = HLC_RE.exec(stamp);
  if (!m) throw new Error('Malformed change stamp');
  return { millis: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isHlc(stamp: string): boolean {
  return HLC_RE.test(stamp);
}

export function nodeIdFromInstallation(installationId: string): string {
  const hex = installationId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{16,}$/.test(hex)) throw new Error('Installation id must be hex');
  return hex.slice(-16);
}

export class HybridClock {
  private state: HlcState;

  constructor(node: string, last?: string, private readonly now: () => number = Date.now) {
    this.state = last ? { ...parseHlc(last), node } : { millis: 0, counter: 0, node };
  }

  /** A new stamp for a local event. */
  tick(): string {
    const wall = this.now();
    if (wall > this.state.millis) {
      this.state = { millis: wall, counter: 0, node: this.state.node };
    } else {
      this.bump();
    }
    return formatHlc(this.state);
  }

  /** Advance past a stamp received from another installation. */
  receive(remote: string): void {
    const r = parseHlc(remote);
    const wall = this.now();
    if (r.millis - wall > MAX_DRIFT_MS) throw new Error('Remote clock too far ahead');
    const millis = Math.max(wall, r.millis, this.state.millis);
    let counter: number;
    if (millis === this.state.millis && millis === r.millis) counter = Math.max(this.state.counter, r.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === r.millis) counter = r.counter + 1;
    else counter = 0;
    if (counter > MAX_COUNTER) throw new Error('Clock counter overflow');
    this.state = { millis, counter, node: this.state.node };
  }

  last(): string {
    return formatHlc(this.state);
  }

  private bump(): void {
    if (this.state.counter >= MAX_COUNTER) {
      this.state = { millis: this.state.millis + 1, counter: 0, node: this.state.node };
    } else {
      this.state = { ...this.state, counter: this.state.counter + 1 };
    }
  }
}
