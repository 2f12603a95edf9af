import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, MESSAGE_NAMESPACES, toLocale } from "./config";

/** Messages live in one JSON file per locale and domain (messages/<locale>/<namespace>.json), merged here. */
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const parts = await Promise.all(
    MESSAGE_NAMESPACES.map(async (ns) => (await import(`./messages/${locale}/${ns}.json`)).default),
  );
  return { locale, messages: Object.assign({}, ...parts), timeZone: "Asia/Shanghai" };
});
