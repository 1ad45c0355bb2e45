"use client";
export { ErrorPage as default } from "@debrief/web/error-pages";
