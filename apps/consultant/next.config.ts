import config from "@debrief/config/next";

export default config;
