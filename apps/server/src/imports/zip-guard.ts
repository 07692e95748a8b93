import { DomainError } from "@trame/core";
import type { Entry } from "yauzl";

/**
 * Limits checked on the zip's central directory before any XML is parsed, so a zip bomb is refused
 * from its declared sizes without inflating anything. An honest .xlsx of 20,000 rows holds a few
 * dozen entries and inflates to some tens of MB; its XML compresses about 10:1.
 */
export const ZIP_LIMITS = { maxEntries: 2_000, maxTotalUncompressed: 300 * 1024 * 1024, maxRatio: 200 } as const;

export interface ZipSummary {
  entryNames: string[];
  totalUncompressed: number;
}

export async function inspectZip(buffer: Buffer): Promise<ZipSummary> {
  const { default: yauzl } = await import("yauzl");
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(new DomainError("BAD_REQUEST", "import.file.corrupt"));
        return;
      }
      const entryNames: string[] = [];
      let totalUncompressed = 0;
      let refused = false;
      const refuse = (error: DomainError) => {
        refused = true;
        zip.close();
        reject(error);
      };
      zip.on("entry", (entry: Entry) => {
        entryNames.push(entry.fileName);
        totalUncompressed += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (
          entryNames.length > ZIP_LIMITS.maxEntries ||
          totalUncompressed > ZIP_LIMITS.maxTotalUncompressed ||
          (entry.uncompressedSize > 1024 * 1024 && ratio > ZIP_LIMITS.maxRatio)
        ) {
          refuse(new DomainError("BAD_REQUEST", "import.file.zipBomb"));
          return;
        }
        zip.readEntry();
      });
      zip.on("error", () => {
        if (!refused) refuse(new DomainError("BAD_REQUEST", "import.file.corrupt"));
      });
      zip.on("end", () => {
        if (!refused) resolve({ entryNames, totalUncompressed });
      });
      zip.readEntry();
    });
  });
}
