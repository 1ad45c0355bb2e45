export { proxy } from "@debrief/web/proxy";
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
