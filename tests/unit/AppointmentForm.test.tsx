import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppointmentFormState } from "@/app/request-appointment/actions";
import { AppointmentForm } from "@/components/appointment/AppointmentForm";
import { offeredBestTimes, type BestTime } from "@/lib/appointments/fields";
import { getClinic, parseClinicFacts } from "@/lib/site";

const requestAppointment = vi.hoisted(() => vi.fn<(state: AppointmentFormState, data: FormData) => Promise<AppointmentFormState>>());
vi.mock("@/app/request-appointment/actions", () => ({ requestAppointment }));

function renderForm(bestTimes?: BestTime[]) {
  render(<AppointmentForm phoneDisplay="501.224.4001" phoneHref="tel:+15012244001" bestTimes={bestTimes} />);
  return userEvent.setup();
}

/** Fills in the required fields as a patient would, and sends the form. */
async function sendValidForm(user: ReturnType<typeof userEvent.setup>, bestTime: "Evening" | "Any time") {
  await user.type(screen.getByLabelText(/Full name/), "Jane Doe");
  await user.type(screen.getByLabelText(/Phone number/), "501 555 0123");
  await user.click(screen.getByLabelText(bestTime));
  await user.click(screen.getByLabelText(/not for emergencies/));
  await user.click(screen.getByRole("button", { name: "Send my request" }));
}

describe("AppointmentForm", () => {
  beforeEach(() => {
    requestAppointment.mockReset();
  });

  it("shows every error, marks the fields and moves focus to the summary, without calling the server", async () => {
    const user = renderForm();
    await user.click(screen.getByRole("button", { name: "Send my request" }));

    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent("Please fix these 4 things");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole("link", { name: "Phone number: Please enter your phone number" })).toHaveAttribute("href", "#phone");

    const name = screen.getByLabelText(/Full name/);
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription("Please enter your full name");
    expect(screen.getByLabelText(/Phone number/)).toHaveAccessibleDescription(
      "A US number. We will call you on it. Please enter your phone number",
    );
    expect(requestAppointment).not.toHaveBeenCalled();
  });

  it("sends a valid request once through the server action, however often the button is pressed", async () => {
    let finish: (state: AppointmentFormState) => void = () => {};
    requestAppointment.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const user = renderForm();
    await sendValidForm(user, "Evening");

    const sending = await screen.findByRole("button", { name: "Sending your request…" });
    expect(sending).toBeDisabled();
    await user.click(sending);
    await waitFor(() => expect(requestAppointment).toHaveBeenCalledTimes(1));
    const sent = requestAppointment.mock.calls[0]![1];
    expect(Object.fromEntries(sent)).toMatchObject({ fullName: "Jane Doe", phone: "501 555 0123", bestTime: "evening", acknowledged: "on" });

    finish({ status: "received", reference: "MS-7K3Q9" });
    // The confirmation takes focus in its effect, which may run after the heading is first in the document.
    const confirmation = await screen.findByRole("heading", { name: "We received your request" });
    await waitFor(() => expect(confirmation).toHaveFocus());
    expect(screen.getByText("MS-7K3Q9")).toBeInTheDocument();
    expect(requestAppointment).toHaveBeenCalledTimes(1);
  });

  it("tells the patient to call when the request could not be saved, keeping what they typed", async () => {
    requestAppointment.mockResolvedValue({
      status: "unavailable",
      values: { fullName: "Jane Doe", phone: "501 555 0123", bestTime: "any", acknowledged: "on" },
    });
    const user = renderForm();
    await sendValidForm(user, "Any time");

    expect(await screen.findByRole("alert")).toHaveTextContent("We could not save your request. Please call us at 501.224.4001.");
    expect(screen.getByLabelText(/Full name/)).toHaveValue("Jane Doe");
  });

  describe("the call times", () => {
    const choices = () => screen.getAllByRole("radio").map((radio) => radio.closest("label")!.textContent);

    it("are the clinic's, with \"Any time\" when it offers more than one", () => {
      const clinic = parseClinicFacts("name: Test Clinic\nphone: 501.224.4001\ncallTimes: [morning, afternoon]\n");
      renderForm(offeredBestTimes(clinic.callTimes));
      expect(screen.getByRole("group", { name: /Best time to call/ })).toBeInTheDocument();
      expect(choices()).toEqual(["Morning", "Afternoon", "Any time"]);
    });

    it("are every time while content/clinic.yaml does not say, as today", () => {
      expect(getClinic().callTimes).toBeUndefined();
      renderForm(offeredBestTimes(getClinic().callTimes));
      expect(choices()).toEqual(["Morning", "Afternoon", "Evening", "Any time"]);
    });

    it("show the server's refusal of a time no longer offered at the field, keeping everything else typed", async () => {
      requestAppointment.mockResolvedValue({
        status: "invalid",
        fieldErrors: { bestTime: '"Evening" is not a time we call. Please choose Morning, Afternoon or Any time' },
        values: { fullName: "Jane Doe", phone: "501 555 0123", bestTime: "evening", reason: "Legs tire", acknowledged: "on" },
      });
      const user = renderForm(["morning", "afternoon", "any"]);
      await sendValidForm(user, "Any time");

      const summary = await screen.findByRole("alert");
      expect(summary).toHaveTextContent('Best time to call: "Evening" is not a time we call. Please choose Morning, Afternoon or Any time');
      expect(screen.getByRole("group", { name: /Best time to call/ })).toHaveAccessibleDescription(/"Evening" is not a time we call/);
      expect(screen.getByRole("link", { name: /Best time to call/ })).toHaveAttribute("href", "#bestTime-morning");
      expect(screen.getByLabelText(/Full name/)).toHaveValue("Jane Doe");
      expect(screen.getByLabelText(/Reason for your visit/)).toHaveValue("Legs tire");
      expect(screen.getByLabelText(/not for emergencies/)).toBeChecked();
    });
  });
});
