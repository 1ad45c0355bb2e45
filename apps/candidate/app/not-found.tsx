export { NotFoundPage as default } from "@debrief/web/error-pages";
