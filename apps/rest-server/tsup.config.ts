export { default } from "../../tsup.apps.js";
