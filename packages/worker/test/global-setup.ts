import { setupTestDatabase } from "@debrief/db/testing";

export default setupTestDatabase;
