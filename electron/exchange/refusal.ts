import { AppError } from '../../shared/api/errors';
import type { RefusalReason } from '../../shared/api/exchangeTypes';

/** A package (or pairing file) that is not applied; `reason` picks the text `exchange.refused.<reason>`. */
export class PackageRefused extends AppError {
  constructor(readonly reason: RefusalReason, detail?: string) {
    super('PACKAGE_REFUSED', `Package refused: ${reason}${detail ? ` (${detail})` : ''}`, undefined, { reason });
  }
}
