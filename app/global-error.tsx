"use client";

import { ErrorNotice, errorNoticeText } from "@/components/layout/error-notice";
import en from "@/lib/i18n/messages/en/common.json";
import zh from "@/lib/i18n/messages/zh-CN/common.json";
import "./globals.css";

/** Errors of the root layout itself: no locale is known there, so the page says it in both languages. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh">
        <main className="py-6">
          <ErrorNotice text={errorNoticeText(zh.errors, error)} retry={retry} />
          <ErrorNotice text={errorNoticeText(en.errors, error)} retry={retry} lang="en" />
        </main>
      </body>
    </html>
  );
}
