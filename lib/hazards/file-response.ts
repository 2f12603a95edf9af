import "server-only";
import type { QueryContext } from "@/db/queries/context";
import { getHazardFile } from "@/db/queries/hazard-files";
import { storedFileResponse } from "@/lib/files/serve-file";
import type { BlobStore } from "@/lib/storage/blob-store";

/** One hazard or public-report file, if the caller may see the hazard (a liaison: their unit's). */
export async function hazardFileResponse(
  ctx: QueryContext,
  fileId: string,
  options: { store: BlobStore; download: boolean },
): Promise<Response> {
  return storedFileResponse(await getHazardFile(ctx, fileId), options);
}
