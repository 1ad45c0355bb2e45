import { setupTestDatabase } from "../src/testing";

export default setupTestDatabase;
