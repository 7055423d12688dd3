-- Occupants' national ID numbers and phones are sealed at rest (issue 13, R4): id_number and phone
-- hold 'pd1:<key id>:<AES-256-GCM>' text (platform PersonalDataSealing), never the clear value. A
-- sealed value is different every time it is written, so the search by ID number goes through
-- id_number_lookup, a keyed hash (HMAC-SHA256) of the normalised number, and the index moves there.
-- Nothing searches by phone: phone has no lookup column. Rows stored before this change are
-- converted at startup by the platform's Resealer (SealedColumn beans of checkpoint-service), which
-- seals id_number and phone and fills id_number_lookup; until then the service reads them as they
-- are.
alter table occupant add column id_number_lookup text;

drop index occupant_id_number;
create index occupant_id_number_lookup on occupant (id_number_lookup);
