import { AppError } from '../../shared/api/errors';
import type { RefusalReason } from '../../shared/api/exchangeTypes';

/** A package (or pairing file) that is not applied; `reason` picks the text `exchange.refused.<reason>`. */
export class PackageRefused extends AppError {
  /** `params`: values the text of the reason names (a date). */
  constructor(readonly reason: RefusalReason, detail?: string, params?: Record<string, string | number>) {
    super('PACKAGE_REFUSED', `Package refused: ${reason}${detail ? ` (${detail})` : ''}`, undefined, { ...params, reason });
  }
}
