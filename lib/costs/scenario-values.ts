// Form values for the scenario editor: a fresh scenario, or the inputs a saved version stored.
import { encodeGrid, presets } from "@/lib/pricing/activity-pattern";
import type { ScenarioInput } from "@/lib/pricing/scenario-input";

/** The editor's state: what the user typed, as strings, validated by scenarioInputSchema. */
export type ScenarioValues = Record<"region" | "size" | "minSize" | "avgActive" | "peakActive" | "requestsPerMonth" | "dataOutGb" | "buildsPerMonth" | "minutesPerBuild" | "monthHours", string> & { activity: string[]; autoDeploy: boolean };

export function defaultScenarioValues(region: string): ScenarioValues {
  return {
    region,
    size: "1/2",
    minSize: "1",
    activity: encodeGrid(presets["office-hours"].grid()),
    avgActive: "1",
    peakActive: "3",
    requestsPerMonth: "1000000",
    dataOutGb: "50",
    autoDeploy: true,
    buildsPerMonth: "20",
    minutesPerBuild: "4",
    monthHours: "730",
  };
}

export function valuesFromInputs(i: ScenarioInput): ScenarioValues {
  return {
    region: i.region,
    size: i.size,
    minSize: String(i.minSize),
    activity: i.activity,
    avgActive: String(i.avgActive),
    peakActive: String(i.peakActive),
    requestsPerMonth: String(i.requestsPerMonth),
    dataOutGb: String(i.dataOutGb),
    autoDeploy: i.autoDeploy,
    buildsPerMonth: String(i.buildsPerMonth),
    minutesPerBuild: String(i.minutesPerBuild),
    monthHours: String(i.monthHours),
  };
}
